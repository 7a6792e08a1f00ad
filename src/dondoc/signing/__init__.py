"""The consolidated report as an official electronic document (Nghị định 30/2020/NĐ-CP) and its exchange.

  pdf.py         .docx/.xlsx -> PDF with LibreOffice headless (fonts embedded, A4 kept)
  layout.py      where NĐ 30 puts the signature, the seal and the annex stamp, read from the PDF's text
  appearance.py  the visible appearances (signature image, seal image, the annex's text stamp)
  signers.py     where the key is: PKCS#12 file, PKCS#11 token, or a remote service (interrupted flow)
  sign.py        PAdES signing (B-B, B-T with a TSA, B-LT with revocation data) with pyHanko
  verify.py      each signature: signer, time, integrity, trust, changes after signing, revocation data (LT)
  reports.py     a compiled report signed from the console: its PDFs per report version, the order, the state
  edxml.py       the inter-agency package of QCVN 102:2016/BTTTT (write, read, validate against edxml.xsd)
  transport.py   the port that sends/receives packages, with a local folder (outbox/inbox) adapter
  receive.py     a received package -> attachments on disk -> a plan imported from the main attachment

Only this package imports pyHanko.
"""
