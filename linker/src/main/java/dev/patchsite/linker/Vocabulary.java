package dev.patchsite.linker;

/**
 * The words in which a front-end's user sets what the core's messages talk about: the command line's flags
 * ({@code --fail-on added}), the Maven plugin's parameters ({@code <failOn>added</failOn>}). The core names a
 * {@link Setting} and asks the vocabulary of the front-end that shows the message how to say it, so that a message
 * tells a user what to change in the words they use. A front-end passes its vocabulary in with its
 * {@linkplain PatchsiteLog#vocabulary() log}; the default is the command line's.
 */
public interface Vocabulary {

    /** The command line's words: each setting's flag, as {@code patchsite --help} lists it. */
    Vocabulary COMMAND_LINE = new Vocabulary() {
        @Override
        public String name(Setting setting) {
            return setting.flag();
        }

        @Override
        public String setting(Setting setting, String value) {
            // A switch is given alone: --strip-signatures, not --strip-signatures true.
            return setting.isSwitch() && value.equals("true") ? setting.flag() : setting.flag() + " " + value;
        }
    };

    /** What a user sets that the core's messages name. */
    enum Setting {
        /** Which differences fail a diff or a check, a {@code FailPolicy}. */
        FAIL_ON("--fail-on"),
        /** The link mode. */
        MODE("--mode"),
        /** A group's variant fixed at link time in static mode; its value is {@code GROUP=VARIANT}. */
        SELECT("--select"),
        /** Whether linking drops a signed jar's signatures; its value is {@code true}. */
        STRIP_SIGNATURES("--strip-signatures", true),
        /** The jars and directories that supply declarations, variants and sites without being rewritten. */
        CLASSPATH("--classpath"),
        /** Whether a static link selects as the runtime would on this machine; its value is {@code true}. */
        SELECT_BY_PROBES("--select-by-probes", true);

        private final String flag;
        private final boolean isSwitch;

        Setting(String flag) {
            this(flag, false);
        }

        Setting(String flag, boolean isSwitch) {
            this.flag = flag;
            this.isSwitch = isSwitch;
        }

        /**
         * Returns whether the setting is on or off, which the command line turns on with its flag alone.
         *
         * @return true for {@link #STRIP_SIGNATURES} and {@link #SELECT_BY_PROBES}
         */
        public boolean isSwitch() {
            return isSwitch;
        }

        /**
         * Returns the command line's flag.
         *
         * @return e.g. {@code --fail-on}
         */
        public String flag() {
            return flag;
        }
    }

    /**
     * Returns how a user names a setting.
     *
     * @param setting the setting
     * @return e.g. {@code --select} on the command line, {@code <selections>} in Maven
     */
    String name(Setting setting);

    /**
     * Returns how a user gives a setting a value.
     *
     * @param setting the setting
     * @param value the value as the core words it, e.g. {@code added}, or {@code com.example.Lock=numa} for
     *     {@link Setting#SELECT}
     * @return e.g. {@code --fail-on added} on the command line, {@code <failOn>added</failOn>} in Maven
     */
    String setting(Setting setting, String value);
}
