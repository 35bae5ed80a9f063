package dev.deteval.eval.io;

/**
 * A JSON path such as {@code annotations[12].bbox[2]} kept as parts and turned into text only when an
 * error message needs it, so that reading millions of elements builds no strings.
 */
final class ElementPath {

    private final String array;
    private int index;
    private String field;
    private int item = -1;

    ElementPath(String array) {
        this.array = array;
    }

    /** Moves to element {@code i} of the array, no field. */
    ElementPath element(int i) {
        index = i;
        field = null;
        item = -1;
        return this;
    }

    /** Moves to a field of the current element. */
    ElementPath field(String name) {
        field = name;
        item = -1;
        return this;
    }

    /** Moves to item {@code i} of the current field's array. */
    ElementPath item(int i) {
        item = i;
        return this;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(array.equals("$") ? "" : array).append('[').append(index).append(']');
        if (field != null) {
            s.append('.').append(field);
            if (item >= 0) {
                s.append('[').append(item).append(']');
            }
        }
        return s.toString();
    }
}
