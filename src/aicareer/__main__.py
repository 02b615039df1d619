from aicareer.cli import main

main()
