package dev.patchsite.linker.table;

/**
 * Writes a {@link PatchSiteTable} as JSON, for tools that would rather not parse the text format. Names are binary
 * names (dots), descriptors are JVM descriptors, and the order is the table's canonical order.
 *
 * <pre>{@code
 * {"format": "patchsite-table", "version": 1,
 *  "functions": [{"id", "group", "name", "descriptor", "updatable", "declared"}],
 *  "variants": [{"group", "name", "class", "priority", "when", "implements": [id]}],
 *  "sites": [{"function", "callerClass", "callerMethod", "callerDescriptor", "release", "ordinal", "kind",
 *             "superCall", "line", "offset", "via"?, "in"?,
 *             "binding"?}]}
 * }</pre>
 *
 * {@code via} (the subclass a call names), {@code in} (the nested jar or class directory of a Spring Boot or web
 * archive) and {@code binding} are present only when the site has them.
 */
public final class TableJson {

    private TableJson() {
    }

    /**
     * Returns the table as JSON.
     *
     * @param table the table
     * @return the JSON text, ending with a line end
     */
    public static String toJson(PatchSiteTable table) {
        Json json = new Json().beginObject()
                .name("format").value(TableWriter.MAGIC)
                .name("version").value(PatchSiteTable.FORMAT_VERSION);
        if (table.linkedMode() != null) {
            json.name("linked").value(table.linkedMode().label());
            json.name("linkedSelections").beginObject();
            table.linkedSelections().forEach((group, variant) -> json.name(group).value(variant));
            json.endObject();
        }
        json.name("functions").beginArray();
        for (Function function : table.functions()) {
            function(json, function);
        }
        json.endArray().name("variants").beginArray();
        for (Variant variant : table.variants()) {
            variant(json, variant);
        }
        json.endArray().name("sites").beginArray();
        for (Site site : table.sites()) {
            site(json, site);
        }
        return json.endArray().endObject().toString();
    }

    /**
     * Writes one function as a JSON object.
     *
     * @param json the writer, positioned for a value
     * @param function the function
     */
    public static void function(Json json, Function function) {
        json.beginObject()
                .name("id").value(function.id())
                .name("group").value(function.method().ownerBinaryName())
                .name("name").value(function.method().name())
                .name("descriptor").value(function.method().descriptor())
                .name("updatable").value(function.updatable())
                .name("declared").value(function.declared())
                .endObject();
    }

    /**
     * Writes one variant as a JSON object.
     *
     * @param json the writer, positioned for a value
     * @param variant the variant
     */
    public static void variant(Json json, Variant variant) {
        json.beginObject()
                .name("group").value(TableWriter.binary(variant.group()))
                .name("name").value(variant.name())
                .name("class").value(TableWriter.binary(variant.className()))
                .name("priority").value(variant.priority())
                .name("when").value(variant.when() == null ? null : TableWriter.binary(variant.when()))
                .name("implements").beginArray();
        for (String id : variant.implemented()) {
            json.value(id);
        }
        json.endArray().endObject();
    }

    /**
     * Writes one site as a JSON object.
     *
     * @param json the writer, positioned for a value
     * @param site the site
     */
    public static void site(Json json, Site site) {
        json.beginObject()
                .name("function").value(site.functionId())
                .name("callerClass").value(site.caller().ownerBinaryName())
                .name("callerMethod").value(site.caller().name())
                .name("callerDescriptor").value(site.caller().descriptor())
                .name("release").value(site.release())
                .name("ordinal").value(site.ordinal())
                .name("kind").value(site.kind().label())
                .name("superCall").value(site.superCall())
                .name("line").value(site.line())
                .name("offset").value(site.offset());
        if (site.via() != null) {
            json.name("via").value(TableWriter.binary(site.via()));
        }
        if (site.in() != null) {
            json.name("in").value(site.in());
        }
        if (site.binding() != null) {
            json.name("binding").value(site.binding().label());
        }
        json.endObject();
    }
}
