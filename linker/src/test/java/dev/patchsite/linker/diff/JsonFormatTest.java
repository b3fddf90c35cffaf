package dev.patchsite.linker.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsonFormatTest {

    @Test
    void rendersEveryDifference() {
        assertEquals("""
                {
                  "old": "baseline.table",
                  "new": "target/patchsite.table",
                  "fails": true,
                  "policy": "added",
                  "summary": {
                    "functions": {
                      "added": 1,
                      "removed": 0,
                      "changed": 0
                    },
                    "variants": {
                      "added": 0,
                      "removed": 0,
                      "changed": 1
                    },
                    "sites": {
                      "added": 2,
                      "removed": 1,
                      "changed": 1
                    }
                  },
                  "functions": {
                    "added": [
                      {
                        "id": "com.example.Trace.hit(I)V",
                        "group": "com.example.Trace",
                        "name": "hit",
                        "descriptor": "(I)V",
                        "updatable": true,
                        "declared": false
                      }
                    ],
                    "removed": [],
                    "changed": []
                  },
                  "variants": {
                    "added": [],
                    "removed": [],
                    "changed": [
                      {
                        "old": {
                          "group": "com.example.SpinLock",
                          "name": "numa",
                          "class": "com.example.NumaSpinLock",
                          "priority": 10,
                          "when": "com.example.NumaProbe",
                          "implements": [
                            "com.example.SpinLock.slowpath(Lcom/example/QLock;I)V",
                            "com.example.SpinLock.unlock(Lcom/example/QLock;)V"
                          ]
                        },
                        "new": {
                          "group": "com.example.SpinLock",
                          "name": "numa",
                          "class": "com.example.NumaSpinLock",
                          "priority": 20,
                          "when": "com.example.NumaProbe",
                          "implements": [
                            "com.example.SpinLock.slowpath(Lcom/example/QLock;I)V",
                            "com.example.SpinLock.unlock(Lcom/example/QLock;)V"
                          ]
                        }
                      }
                    ]
                  },
                  "sites": {
                    "added": [
                      {
                        "function": "com.example.SpinLock.slowpath(Lcom/example/QLock;I)V",
                        "callerClass": "com.example.App",
                        "callerMethod": "run",
                        "callerDescriptor": "()V",
                        "release": 11,
                        "ordinal": 0,
                        "kind": "invoke",
                        "superCall": false,
                        "line": 12,
                        "offset": 7
                      },
                      {
                        "function": "com.example.Trace.hit(I)V",
                        "callerClass": "com.example.App",
                        "callerMethod": "run",
                        "callerDescriptor": "()V",
                        "release": 0,
                        "ordinal": 0,
                        "kind": "invoke",
                        "superCall": false,
                        "line": 13,
                        "offset": 12
                      }
                    ],
                    "removed": [
                      {
                        "function": "com.example.SpinLock.unlock(Lcom/example/QLock;)V",
                        "callerClass": "com.example.NumaSpinLock",
                        "callerMethod": "unlock",
                        "callerDescriptor": "(Lcom/example/QLock;)V",
                        "release": 0,
                        "ordinal": 0,
                        "kind": "invoke",
                        "superCall": true,
                        "line": 44,
                        "offset": 5
                      }
                    ],
                    "changed": [
                      {
                        "old": {
                          "function": "com.example.SpinLock.unlock(Lcom/example/QLock;)V",
                          "callerClass": "com.example.App",
                          "callerMethod": "close",
                          "callerDescriptor": "()V",
                          "release": 0,
                          "ordinal": 0,
                          "kind": "ref",
                          "superCall": false,
                          "line": 40,
                          "offset": 2
                        },
                        "new": {
                          "function": "com.example.SpinLock.unlock(Lcom/example/QLock;)V",
                          "callerClass": "com.example.App",
                          "callerMethod": "close",
                          "callerDescriptor": "()V",
                          "release": 0,
                          "ordinal": 0,
                          "kind": "invoke",
                          "superCall": false,
                          "line": 41,
                          "offset": 2
                        }
                      }
                    ]
                  }
                }
                """, DiffFormat.JSON.render(Tables.diff(), "baseline.table", "target/patchsite.table", FailPolicy.ADDED));
    }

    @Test
    void noDifferences() {
        assertEquals("""
                {
                  "old": "a \\"quoted\\" name",
                  "new": "b",
                  "fails": false,
                  "policy": "any",
                  "summary": {
                    "functions": {
                      "added": 0,
                      "removed": 0,
                      "changed": 0
                    },
                    "variants": {
                      "added": 0,
                      "removed": 0,
                      "changed": 0
                    },
                    "sites": {
                      "added": 0,
                      "removed": 0,
                      "changed": 0
                    }
                  },
                  "functions": {
                    "added": [],
                    "removed": [],
                    "changed": []
                  },
                  "variants": {
                    "added": [],
                    "removed": [],
                    "changed": []
                  },
                  "sites": {
                    "added": [],
                    "removed": [],
                    "changed": []
                  }
                }
                """, DiffFormat.JSON.render(TableDiff.compare(Tables.OLD, Tables.OLD), "a \"quoted\" name", "b",
                FailPolicy.ANY));
    }

    @Test
    void failsReflectsThePolicy() {
        String none = DiffFormat.JSON.render(Tables.diff(), "a", "b", FailPolicy.NONE);
        assertEquals("""
                {
                  "old": "a",
                  "new": "b",
                  "fails": false,
                  "policy": "none",
                """, none.substring(0, none.indexOf("  \"summary\"")));
    }
}
