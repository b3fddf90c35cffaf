package dev.patchsite.linker;

import java.util.List;

/**
 * The declarations are inconsistent: each problem names the class and method concerned and says the fix.
 */
public class ValidationException extends PatchsiteException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /**
     * Creates the exception.
     *
     * @param problems the problems, one message each, in a deterministic order; not empty
     */
    public ValidationException(List<String> problems) {
        this("in the declarations", problems);
    }

    /**
     * Creates the exception.
     *
     * @param where what the problems are in, e.g. {@code in the declarations}, for the message's first line
     * @param problems the problems, one message each, in a deterministic order; not empty
     */
    public ValidationException(String where, List<String> problems) {
        super(summary(where, problems));
        this.problems = List.copyOf(problems);
    }

    private static String summary(String where, List<String> problems) {
        StringBuilder message = new StringBuilder();
        message.append(problems.size()).append(problems.size() == 1 ? " problem " : " problems ")
                .append(where).append(':');
        for (String problem : problems) {
            message.append(System.lineSeparator()).append("  ").append(problem);
        }
        return message.toString();
    }

    /**
     * Returns the problems, one message each.
     *
     * @return the problems, in a deterministic order
     */
    public List<String> problems() {
        return problems;
    }
}
