from postkit.cli import main

raise SystemExit(main())
