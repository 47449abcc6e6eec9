#if canImport(Glibc)
    import Glibc
#endif

/// Checks that nbrunner can write into a directory by really creating and removing a file
/// (`access()` lies on read-only mounts, with ACLs and for root).
package enum WritableProbe {
    package enum Failure: Error, Equatable {
        case cannotCreateDirectory(String, String)
        case notWritable(String, String)
    }

    /// Creates `directory` (and parents, mode 0775 before umask) when missing, then writes
    /// and removes a probe file in it.
    package static func check(directory: String) throws(Failure) {
        if !FileSystem.isDirectory(directory) {
            try makeDirectories(directory)
        }
        try probe(directory: directory)
    }

    /// Writes and removes a probe file in an existing directory.
    package static func probe(directory: String) throws(Failure) {
        let probe = "\(directory)/.nbrunner-probe-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .notWritable(directory, FileSystem.errnoText()) }
        var byte: UInt8 = 0x0A
        let wrote = write(fd, &byte, 1)
        let writeErrno = errno
        close(fd)
        unlink(probe)
        guard wrote == 1 else { throw .notWritable(directory, FileSystem.errnoText(writeErrno)) }
    }

    /// `mkdir -p`; new folders get `mode` (before the umask; 0770 for scratch folders is then
    /// set explicitly so a group-0 sibling can share them).
    static func makeDirectories(_ directory: String, mode: mode_t = 0o775) throws(Failure) {
        let parent = FileSystem.parent(directory)
        if parent != directory, !FileSystem.exists(parent) { try makeDirectories(parent, mode: mode) }
        if mkdir(directory, mode) != 0 {
            if errno != EEXIST { throw .cannotCreateDirectory(directory, FileSystem.errnoText()) }
        } else if mode == 0o770 {
            chmod(directory, mode)
        }
    }

    /// The remedy printed with an unwritable-path failure (OpenShift: random UID, GID 0).
    package static func remedy(for directory: String) -> String {
        "make it writable for group 0 (chgrp -R 0 \(directory) && chmod -R g=u \(directory)) or mount an emptyDir there"
    }
}
