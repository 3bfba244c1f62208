package io.esop.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Unpacks distributions into .esop/bin: first into a temporary folder, then renamed into place, so an
 * interrupted unpack never leaves a half-installed server behind.
 */
final class Unpack {

    private Unpack() {
    }

    interface Extraction {
        void into(Path target) throws IOException;
    }

    /** Runs the extraction unless {@code target} is already complete. */
    static void once(Path target, Extraction extraction) throws IOException {
        if (Files.isDirectory(target)) {
            return;
        }
        Path staging = target.resolveSibling(target.getFileName() + ".partial");
        deleteTree(staging);
        Files.createDirectories(staging);
        extraction.into(staging);
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    }

    static void txz(InputStream compressed, Path target) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(compressed))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path out = safeResolve(target, entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    if ((entry.getMode() & 0100) != 0) {
                        makeExecutable(out);
                    }
                }
            }
        }
    }

    /** Unzips, dropping the archive's single top-level folder. */
    static void zipStrippingTopFolder(Path zip, Path target) throws IOException {
        try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
            for (ZipArchiveEntry entry : (Iterable<ZipArchiveEntry>) () -> file.getEntries().asIterator()) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                Path out = safeResolve(target, name.substring(slash + 1));
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
                if (name.endsWith(".sh") || (entry.getUnixMode() & 0100) != 0) {
                    makeExecutable(out);
                }
            }
        }
    }

    static void makeExecutable(Path file) throws IOException {
        Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(file));
        permissions.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                PosixFilePermission.OTHERS_EXECUTE));
        Files.setPosixFilePermissions(file, permissions);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static Path safeResolve(Path target, String entryName) {
        Path out = target.resolve(entryName).normalize();
        if (!out.startsWith(target)) {
            throw new StackException("archive entry escapes its folder: " + entryName);
        }
        return out;
    }
}
