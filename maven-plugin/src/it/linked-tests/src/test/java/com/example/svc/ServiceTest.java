package com.example.svc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchsite.PatchSite;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs against the linked classes: the tracepoint can be turned on and off, and a forced selection is run. */
class ServiceTest {

    private static final String SELECTED = System.getProperty("patchsite.select.com.example.svc.Greeting",
            "default");

    @Test
    void theTracepointRecordsWhileItIsOn() {
        Service.serve("before");
        PatchSite.update(Trace.class, "on");
        Service.serve("during");
        PatchSite.update(Trace.class, "default");
        Service.serve("after");

        assertEquals(List.of("serve during"), Events.recorded());
    }

    @Test
    void theSelectedVariantGreets() {
        assertEquals(SELECTED.equals("shout") ? "HELLO ANN" : "hello ann", Service.serve("ann"));
        assertEquals(SELECTED, PatchSite.selected(Greeting.class));
    }
}
