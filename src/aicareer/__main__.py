from aicareer.entry import main

main()
