package dev.patchsite.linker.internal.cache;

import dev.patchsite.linker.PatchsiteLog;
import dev.patchsite.linker.Vocabulary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A log that passes every message on and keeps them, in order, so that a scan's result can be cached with what the
 * scan told its user, and a scan that takes the result from the cache tells it again. Used by one scan at a time
 * from any of its threads.
 */
public final class RecordingLog implements PatchsiteLog {

    private final PatchsiteLog target;
    private final List<Message> messages = Collections.synchronizedList(new ArrayList<>());

    /**
     * Creates a log that records what it passes to another.
     *
     * @param target where the messages go
     */
    public RecordingLog(PatchsiteLog target) {
        this.target = target;
    }

    /**
     * One message of a scan.
     *
     * @param warning true for a warning, false for information
     * @param text the message
     */
    record Message(boolean warning, String text) {
    }

    @Override
    public void warn(String message) {
        messages.add(new Message(true, message));
        target.warn(message);
    }

    @Override
    public void info(String message) {
        messages.add(new Message(false, message));
        target.info(message);
    }

    @Override
    public Vocabulary vocabulary() {
        return target.vocabulary();
    }

    /**
     * Returns the log a log records for, or the log itself if it records for none: where what is not one of a scan's
     * messages (a problem with the cache) goes.
     *
     * @param log a log
     * @return the log beneath every recording one
     */
    public static PatchsiteLog unrecorded(PatchsiteLog log) {
        PatchsiteLog target = log;
        while (target instanceof RecordingLog recording) {
            target = recording.target;
        }
        return target;
    }

    /** Returns the messages so far, in order. */
    List<Message> messages() {
        return List.copyOf(messages);
    }

    /** Logs recorded messages again, in their order. */
    static void replay(List<Message> messages, PatchsiteLog log) {
        for (Message message : messages) {
            if (message.warning()) {
                log.warn(message.text());
            } else {
                log.info(message.text());
            }
        }
    }
}
