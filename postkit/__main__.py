import multiprocessing

if __name__ == "__main__":
    # Slow jobs run in child processes (core/processes.py): a frozen app must answer as one.
    multiprocessing.freeze_support()
    from postkit.cli import main

    raise SystemExit(main())
