package dev.patchsite.maven;

import dev.patchsite.linker.Vocabulary;

/**
 * The plugin's words for what the core's messages name: each setting's parameter, as a POM's configuration writes
 * it, e.g. {@code <failOn>added</failOn>}, and {@code <selections><com.example.Lock>numa</com.example.Lock>}
 * {@code </selections>} for a static selection.
 */
final class MavenVocabulary implements Vocabulary {

    /** The one instance. */
    static final MavenVocabulary INSTANCE = new MavenVocabulary();

    private MavenVocabulary() {
    }

    @Override
    public String name(Setting setting) {
        return "<" + parameter(setting) + ">";
    }

    @Override
    public String setting(Setting setting, String value) {
        String parameter = parameter(setting);
        int eq = value.indexOf('=');
        if (setting == Setting.SELECT && eq > 0) {
            String group = value.substring(0, eq);
            return "<selections><" + group + ">" + value.substring(eq + 1) + "</" + group + "></selections>";
        }
        return "<" + parameter + ">" + value + "</" + parameter + ">";
    }

    /** Returns the parameter of a goal that sets it. */
    static String parameter(Setting setting) {
        return switch (setting) {
            case FAIL_ON -> "failOn";
            case MODE -> "mode";
            case SELECT -> "selections";
            case STRIP_SIGNATURES -> "stripSignatures";
            case CLASSPATH -> "dependencies";
            case SELECT_BY_PROBES -> "selectByProbes";
        };
    }
}
