package dev.deteval.eval.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Line-by-line reading of small whitespace-separated text files (image sets, VOC results files). */
final class TextFile {

    private TextFile() {
    }

    /** Receives one non-blank line, already split into tokens. */
    @FunctionalInterface
    interface LineHandler {
        void line(int lineNumber, String[] tokens);
    }

    /** Calls {@code handler} for every line of {@code file} that is not blank, with 1-based numbers. */
    static void forEachLine(Path file, LineHandler handler) {
        String source = file.toString();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                String[] tokens = split(line);
                if (tokens.length > 0) {
                    handler.line(number, tokens);
                }
            }
        } catch (NoSuchFileException e) {
            throw new InputException(source, "", "file not found", e);
        } catch (IOException e) {
            throw new InputException(source, "", "cannot be read: " + e, e);
        }
    }

    /** The tokens of {@code line} separated by spaces and tabs (no regular expression). */
    static String[] split(String line) {
        int count = 0;
        int n = line.length();
        for (int i = 0; i < n; ) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i < n) {
                count++;
            }
            while (i < n && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
        }
        String[] tokens = new String[count];
        int t = 0;
        for (int i = 0; i < n; ) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                tokens[t++] = line.substring(start, i);
            }
        }
        return tokens;
    }

    /** Location text for a line. */
    static String line(int number) {
        return "line " + number;
    }
}
