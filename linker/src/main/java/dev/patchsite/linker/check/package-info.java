/**
 * The baseline workflow a build runs in CI: {@link dev.patchsite.linker.check.BaselineCheck#check} compares a
 * program's patch-site table with a committed baseline, writes the table and a Markdown report, and returns a
 * {@link dev.patchsite.linker.check.CheckResult} (status, differences, the lines to show, the failure if the fail
 * policy says so); {@link dev.patchsite.linker.check.BaselineUpdate#update} writes the baseline that accepts a change.
 * Front-ends only translate: they build a {@link dev.patchsite.linker.check.CheckRequest} or
 * {@link dev.patchsite.linker.check.BaselineRequest}, show the notices and fail on the failure.
 */
package dev.patchsite.linker.check;
