from dondoc.cli import main

main()
