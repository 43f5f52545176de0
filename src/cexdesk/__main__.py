from cexdesk.cli import main

main()
