import CallLintCommand

#if canImport(Glibc)
    import Glibc
#endif

// A closed pipe (`call-lint ... | head`) must end the output, not kill the process mid-file.
signal(SIGPIPE, SIG_IGN)
exit(CallLintCommand(console: .process()).run(Console.processArguments()))
