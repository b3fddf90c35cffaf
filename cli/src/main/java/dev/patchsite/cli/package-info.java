/**
 * The command line (picocli), a front-end over the core ({@code dev.patchsite.linker}):
 * {@link dev.patchsite.cli.Patchsite} is the main class; each subcommand translates its options into one core call,
 * and exceptions map to the exit codes of {@link dev.patchsite.cli.ExitCode}.
 */
package dev.patchsite.cli;
