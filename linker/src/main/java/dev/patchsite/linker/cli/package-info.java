/**
 * The command line (picocli): {@link dev.patchsite.linker.cli.Patchsite} is the main class; each subcommand translates
 * its options into one core call and maps exceptions to the exit codes of
 * {@link dev.patchsite.linker.cli.ExitCodes}.
 */
package dev.patchsite.linker.cli;
