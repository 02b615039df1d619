from aicareer.cli.entry import main

main()
