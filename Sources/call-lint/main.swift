import CallLintCommand

#if canImport(Glibc)
    import Glibc
#endif

// Before anything is opened: a closed standard descriptor would be taken by the first file
// opened, and output meant for it would land in that file.
guard let closedAtStart = FileSystem.reopenClosedStandardDescriptors() else { exit(2) }
// A closed pipe (`call-lint ... | head`) must end the output, not kill the process mid-file.
signal(SIGPIPE, SIG_IGN)
exit(CallLintCommand(console: .process(closedAtStart: closedAtStart)).run(Console.processArguments()))
