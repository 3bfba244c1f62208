package io.esop.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.kafka.common.utils.AppInfoParser;

/** Versions of the servers the stack runs, read from the artifacts the build resolved. */
final class Versions {

    static final String KAFKA = AppInfoParser.getVersion();

    private Versions() {
    }

    /** The version in the name of the one file in {@code dir} matching {@code prefix-VERSION.suffix}. */
    static String of(Path dir, String prefix, String suffix) {
        Pattern pattern = Pattern.compile(Pattern.quote(prefix) + "-(.+)" + Pattern.quote(suffix));
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> pattern.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(matcher -> matcher.group(1))
                    .sorted()
                    .reduce((first, second) -> second)
                    .orElseThrow(() -> new StackException("no " + prefix + "-*" + suffix + " in " + dir
                            + ": rebuild the devstack (./esop up does)"));
        } catch (IOException e) {
            throw new StackException("cannot read " + dir + ": " + e.getMessage(), e);
        }
    }
}
