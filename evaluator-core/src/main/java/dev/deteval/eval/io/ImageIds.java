package dev.deteval.eval.io;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * COCO image ids for datasets that name their images instead of numbering them (YOLO, VOC): the names
 * themselves when every one is a whole number below 10¹⁸ and no two are equal ({@code 000139} → 139), otherwise
 * 1, 2, … in the given order.
 */
final class ImageIds {

    private ImageIds() {
    }

    static long[] of(List<String> names) {
        long[] ids = new long[names.size()];
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < ids.length; i++) {
            String name = names.get(i);
            if (name.isEmpty() || name.length() > 18 || !name.chars().allMatch(c -> c >= '0' && c <= '9')
                    || !seen.add(Long.parseLong(name))) {
                for (int k = 0; k < ids.length; k++) {
                    ids[k] = k + 1;
                }
                return ids;
            }
            ids[i] = Long.parseLong(name);
        }
        return ids;
    }
}
