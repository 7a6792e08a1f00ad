"""Probe recall: invented *duty* sentences that hold the words the precision rules of the round `nontask` read as a
statement, a told handover or a name's end ('là', 'vẫn', 'đang', 'còn', 'chưa', 'được', 'yêu cầu', 'làm việc với',
'nêu cao', 'tổ chức hội nghị', 'Đề nghị', 'Tình hình thực hiện'), each put in several positions of the small plan of
benchmarks/probe_nontask.py: section II's narrative (paragraph, bullet), after a real task, a numbered paragraph
'4. Sở X ...', a body's heading over the duty (bullet, paragraph, the subject repeated), a heading body's duty list
(the predicate alone), a labelled block's title, an annex table's row. A case fails when the plan's (ref, lead) pairs
differ from the gold conventions': a duty lost, a wrong or run-on lead.

    PYTHONPATH=$PWD/src .venv/bin/python benchmarks/probe_recall.py [-v] [--flat] [group ...]
"""

from __future__ import annotations

import sys
from collections import Counter

sys.path.insert(0, __file__.rsplit("/", 1)[0])
import probe_nontask as nt

# (group, subject, predicate): the subject leads the duty
DUTIES: list[tuple[str, str, str]] = [
    # a role with 'là', then (or in) the duty
    ("role", "Sở Nội vụ", "là cơ quan thường trực, chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch."),
    ("role", "Công an tỉnh", "là lực lượng nòng cốt trong bảo đảm an ninh mạng, chủ trì phối hợp với các đơn vị kiểm tra, xử lý vi phạm."),
    ("role", "Sở Tài chính", "là cơ quan tham mưu bố trí kinh phí thực hiện Kế hoạch."),
    ("role", "Sở Khoa học và Công nghệ", "là cơ quan đầu mối, có trách nhiệm tổng hợp, báo cáo UBND tỉnh kết quả thực hiện."),
    ("role", "UBND các xã, phường", "là cấp trực tiếp triển khai, chịu trách nhiệm tổ chức thực hiện trên địa bàn."),
    ("role", "Sở Tư pháp", "là thành viên Ban Chỉ đạo, phối hợp với Công an tỉnh số hóa dữ liệu hộ tịch."),
    ("role", "Văn phòng UBND tỉnh", "là đơn vị vận hành Hệ thống thông tin giải quyết thủ tục hành chính, bảo đảm hệ thống hoạt động thông suốt."),
    # a state or what is under way, then the duty
    ("state", "Sở Y tế", "đang triển khai bệnh án điện tử, tiếp tục chủ trì mở rộng tại các bệnh viện công lập."),
    ("state", "Trung tâm Phục vụ hành chính công tỉnh", "vẫn là đầu mối tiếp nhận hồ sơ, có trách nhiệm hướng dẫn người dân nộp hồ sơ trực tuyến."),
    ("state", "Sở Công Thương", "vẫn tiếp tục chủ trì triển khai chương trình phát triển thương mại điện tử."),
    ("state", "Sở Y tế", "còn có trách nhiệm hướng dẫn các cơ sở y tế tư nhân kết nối dữ liệu."),
    ("state", "Sở Tài chính", "chưa hoàn thành việc rà soát tài sản số, khẩn trương hoàn thành trước ngày 30/6/2026."),
    ("state", "Bảo hiểm xã hội tỉnh", "đang phối hợp với Sở Y tế liên thông dữ liệu, tiếp tục hướng dẫn người dân cài đặt ứng dụng VssID."),
    ("state", "Sở Giáo dục và Đào tạo", "đã triển khai học bạ số tại các trường trung học phổ thông, tiếp tục mở rộng đến các trường trung học cơ sở."),
    # a passive handover is the body's duty
    ("given", "Sở Khoa học và Công nghệ", "được giao chủ trì xây dựng nền tảng tích hợp, chia sẻ dữ liệu của tỉnh."),
    ("given", "Sở Nội vụ", "được UBND tỉnh phân công làm đầu mối, chủ trì tổng hợp kết quả thực hiện."),
    ("given", "Sở Tài chính", "được phân công chủ trì thẩm định dự toán kinh phí chuyển đổi số của các sở, ngành."),
    ("given", "Sở Y tế", "được UBND tỉnh ủy quyền phê duyệt danh mục trang thiết bị y tế số hóa."),
    # the verbs the round made end a name
    ("verb", "Sở Khoa học và Công nghệ", "yêu cầu các doanh nghiệp viễn thông bảo đảm chất lượng đường truyền."),
    ("verb", "Sở Nội vụ", "tổ chức hội nghị sơ kết 6 tháng thực hiện Kế hoạch."),
    ("verb", "Văn phòng UBND tỉnh", "tổ chức hội nghị trực tuyến giữa UBND tỉnh với UBND các xã, phường."),
    ("verb", "Sở Văn hóa, Thể thao và Du lịch", "tổ chức hội thi tìm hiểu về chuyển đổi số cho đoàn viên, thanh niên."),
    ("verb", "Sở Tư pháp", "làm việc với các đơn vị liên quan để tháo gỡ vướng mắc trong số hóa hộ tịch."),
    ("verb", "Sở Y tế", "nêu cao trách nhiệm người đứng đầu trong triển khai bệnh án điện tử."),
    # an opening adverb, then the duty
    ("open", "Sở Xây dựng", "tiếp tục chủ trì xây dựng cơ sở dữ liệu về nhà ở và thị trường bất động sản."),
    ("open", "Sở Nông nghiệp và Môi trường", "chủ động phối hợp với UBND các xã cập nhật dữ liệu đất đai."),
    ("open", "Sở Công Thương", "đồng thời là cơ quan thường trực Ban Chỉ đạo thương mại điện tử, chủ trì theo dõi tiến độ."),
    ("open", "Sở Giáo dục và Đào tạo", "hiện đang chủ trì triển khai học bạ số, tiếp tục mở rộng ra các trường trung học cơ sở."),
    ("open", "Công an tỉnh", "với vai trò là lực lượng nòng cốt, chủ trì bảo đảm an ninh, an toàn hệ thống thông tin."),
]
# a second set, written after the fixes (held out from them): run with the group names ending in '2'
DUTIES += [
    ("role2", "Sở Nội vụ", "là cơ quan chủ trì, phối hợp với các sở, ngành đánh giá chỉ số chuyển đổi số cấp xã."),
    ("role2", "Sở Khoa học và Công nghệ", "là đơn vị đầu mối trong kết nối, chia sẻ dữ liệu, có trách nhiệm hướng dẫn các sở, ngành."),
    ("role2", "Sở Tư pháp", "hiện là cơ quan quản lý cơ sở dữ liệu hộ tịch, chủ trì cập nhật dữ liệu hằng ngày."),
    ("role2", "Hội Liên hiệp Phụ nữ tỉnh", "là lực lượng xung kích trong tuyên truyền, vận động hội viên sử dụng dịch vụ công trực tuyến."),
    ("role2", "Chủ tịch UBND các xã, phường", "là người đứng đầu, chịu trách nhiệm toàn diện về kết quả chuyển đổi số trên địa bàn."),
    ("state2", "Sở Xây dựng", "đang xây dựng dự thảo Quy chế quản lý dữ liệu nhà ở, hoàn thành trước ngày 30/6/2026."),
    ("state2", "Sở Công Thương", "vẫn duy trì sàn thương mại điện tử của tỉnh, đồng thời chủ trì kết nối với các sàn lớn."),
    ("state2", "Công an tỉnh", "còn phải bảo đảm an toàn cho các hệ thống thông tin dùng chung của tỉnh."),
    ("state2", "Sở Y tế", "chưa kết nối dữ liệu tiêm chủng, khẩn trương hoàn thành kết nối trong Quý II/2026."),
    ("state2", "Bảo hiểm xã hội tỉnh", "hiện nay đang cấp sổ bảo hiểm điện tử, tiếp tục hướng dẫn người dân sử dụng ứng dụng VssID."),
    ("given2", "Sở Tài chính", "được giao nhiệm vụ thẩm định dự toán kinh phí chuyển đổi số của các sở, ngành."),
    ("given2", "Trung tâm Phục vụ hành chính công tỉnh", "được UBND tỉnh chỉ định làm đầu mối tiếp nhận phản ánh, kiến nghị của người dân."),
    ("verb2", "Sở Nội vụ", "yêu cầu Trung tâm Phục vụ hành chính công tỉnh báo cáo kết quả giải quyết hồ sơ hằng tháng."),
    ("verb2", "Sở Khoa học và Công nghệ", "tổ chức hội thảo về ứng dụng trí tuệ nhân tạo trong cơ quan nhà nước."),
    ("verb2", "Sở Nội vụ", "tổ chức hội nghị tổng kết, khen thưởng các tập thể, cá nhân có thành tích."),
    ("verb2", "Sở Giáo dục và Đào tạo", "làm việc với các doanh nghiệp viễn thông về hạ tầng mạng cho các trường học."),
]
# where each is put; the ref a duty read there gets
WHERE = ("sec2", "sec2b", "after_task", "after_label", "num", "head_bullet", "head_para", "head_full", "duty", "duty_para", "label", "cell")
REF = {"sec2": "II.1", "sec2b": "II.1", "after_task": "III.1", "after_label": "III.3", "num": "III.4", "head_bullet": "III.4", "head_para": "III.4",
       "head_full": "III.4", "duty": "III.2", "duty_para": "III.2", "label": "III.4", "cell": "PL.2"}


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def place(pos: str, subj: str, pred: str) -> tuple[dict[str, object], str]:
    """The plan's slots with the duty at `pos`, and the duty's lead there."""
    full = subj + " " + pred
    if pos == "sec2":
        return {"sec2": full + "\n"}, subj
    if pos == "sec2b":
        return {"sec2": "- " + full + "\n"}, subj
    if pos == "after_task":
        return {"after_task": full + "\n"}, subj
    if pos == "after_label":
        return {"after_label": full + "\n"}, subj
    if pos == "num":
        return {"after_label": "4. " + full + "\n"}, subj
    if pos == "head_bullet":
        return {"after_label": f"4. {subj}:\n- {cap(pred)}\n"}, subj
    if pos == "head_para":
        return {"after_label": f"4. {subj}\n{cap(pred)}\n"}, subj
    if pos == "head_full":
        return {"after_label": f"4. {subj}:\n- {full}\n"}, subj
    if pos == "duty":
        return {"duty": "- " + cap(pred) + "\n"}, "Sở Y tế"
    if pos == "duty_para":
        return {"duty": cap(pred) + "\n"}, "Sở Y tế"
    if pos == "label":
        return {"after_label": f"4. {cap(pred).rstrip('.')}\n- Cơ quan chủ trì: {subj}\n- Thời gian: Quý III/2026.\n"}, subj
    if pos == "cell":
        return {"row2": (cap(pred).rstrip("."), subj, "Báo cáo")}, subj
    raise ValueError(pos)


def cases() -> list[tuple[str, str, str, str, Counter[tuple[str, str]]]]:
    out = []
    for group, subj, pred in DUTIES:
        for pos in WHERE:
            if pos == "duty_para" and pred.startswith("yêu cầu"):
                continue  # (a paragraph 'Yêu cầu X ...' after a body's bullets reads as the plan's request of X: a judgement call)
            if FLAT and pos in ("sec2", "duty_para", "after_label"):
                continue  # (flat: a body's sentence run into a two-verb title, a paragraph into the bullet before it, a
                # sentence into the last label's value: the run-on reader's limits, probe_nontask --flat's too)
            slots, lead = place(pos, subj, pred)
            text = nt.plan(slots)  # type: ignore[arg-type]
            if pos == "cell":
                want = nt.expect([], lead)
            elif pos == "duty":
                want = nt.expect([("III.2", lead)])
            elif pos == "after_label" and subj in nt.LABELLED:
                want = nt.expect([])  # (the labels' own bodies: their part of that task, no other: probe_nontask's call)
            else:
                want = nt.expect([(REF[pos], lead)])
            out.append((group, pos, subj + " " + pred, text, want))
    return out


FLAT = "--flat" in sys.argv  # every line break lost (the positions a flat text cannot tell apart are left out)


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    verbose = "-v" in sys.argv
    nt.FLAT = FLAT
    fails, total = [], 0
    for group, pos, s, text, want in cases():
        if args and group not in args:
            continue
        total += 1
        got = nt.pairs(text)
        if got != want:
            fails.append((group, pos, s, sorted((got - want).elements()), sorted((want - got).elements())))
    for group, pos, s, extra, missed in fails:
        if verbose:
            print(f"{group} | {pos} | {s[:80]} | extra={extra} missed={missed}")
    print("# by group:", dict(Counter(f[0] for f in fails)))
    print("# by position:", dict(Counter(f[1] for f in fails)))
    print(f"# {len(fails)} fails of {total}")


if __name__ == "__main__":
    main()
