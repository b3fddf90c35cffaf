package dev.patchsite.linker.link;

import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.Variant;
import dev.patchsite.runtime.GroupInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the runtime's descriptions of a program's groups from its table. */
public final class GroupDescriptions {

    private GroupDescriptions() {
    }

    /**
     * Returns the description of every group of a table.
     *
     * @param table the program's table
     * @return the descriptions by the groups' binary names, sorted
     */
    public static Map<String, GroupInfo> of(PatchSiteTable table) {
        Map<String, Function> byId = new HashMap<>();
        Map<String, List<GroupInfo.FunctionInfo>> functions = new TreeMap<>();
        for (Function function : table.functions()) {
            byId.put(function.id(), function);
            functions.computeIfAbsent(function.group(), g -> new ArrayList<>()).add(new GroupInfo.FunctionInfo(
                    function.method().name(), function.method().descriptor(), function.updatable()));
        }
        Map<String, GroupInfo> groups = new TreeMap<>();
        for (Map.Entry<String, List<GroupInfo.FunctionInfo>> group : functions.entrySet()) {
            List<GroupInfo.VariantInfo> variants = new ArrayList<>();
            for (Variant variant : table.variants()) {
                if (!variant.group().equals(group.getKey())) {
                    continue;
                }
                List<String> implemented = new ArrayList<>();
                for (String id : variant.implemented()) {
                    implemented.add(byId.get(id).method().nameAndDescriptor());
                }
                variants.add(new GroupInfo.VariantInfo(variant.name(), variant.className().replace('/', '.'),
                        variant.priority(), variant.when() == null ? null : variant.when().replace('/', '.'),
                        implemented));
            }
            String name = group.getKey().replace('/', '.');
            groups.put(name, new GroupInfo(name, group.getValue(), variants));
        }
        return groups;
    }
}
