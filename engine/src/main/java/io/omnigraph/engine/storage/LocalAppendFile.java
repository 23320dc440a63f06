package io.omnigraph.engine.storage;

import io.omnigraph.engine.error.OmniGraphException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** {@link AppendFile} over a local file: a positional write at the end, then fdatasync. */
final class LocalAppendFile implements AppendFile {
  private final Path path;
  private final FileChannel channel;
  /** Held while forcing, so that writers arriving meanwhile wait and are covered by one force. */
  private final Object syncing = new Object();
  /** The length known to be on stable storage. */
  private volatile long synced;

  LocalAppendFile(Path path) {
    this.path = path;
    try {
      Path dir = path.getParent();
      boolean newDir = !Files.isDirectory(dir);
      boolean newFile = newDir || !Files.exists(path);
      Files.createDirectories(dir);
      this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      // A record forced into a file whose directory entry is not durable could vanish with it.
      if (newFile) syncDirectory(dir);
      if (newDir) syncDirectory(dir.getParent());
    } catch (IOException e) {
      throw OmniGraphException.storage("cannot open " + path + ": " + e.getMessage(), e);
    }
  }

  private static void syncDirectory(Path dir) {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      // Some platforms cannot open a directory to force it; there its entries are as durable as they get.
    }
  }

  @Override
  public synchronized long size() {
    try {
      return channel.size();
    } catch (IOException e) {
      throw OmniGraphException.storage("cannot read the length of " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized long append(byte[] bytes) {
    try {
      long at = channel.size();
      ByteBuffer b = ByteBuffer.wrap(bytes);
      while (b.hasRemaining()) at += channel.write(b, at);
      return at;
    } catch (IOException e) {
      throw OmniGraphException.storage("cannot append to " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void sync(long length) {
    if (synced >= length) return;
    synchronized (syncing) {
      if (synced >= length) return;
      try {
        long reached = size();
        channel.force(false);
        synced = reached;
      } catch (IOException e) {
        throw OmniGraphException.storage("cannot force " + path + " to disk: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public synchronized byte[] read(long offset, long end) {
    try {
      long size = Math.min(channel.size(), end);
      if (offset >= size) return new byte[0];
      ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(size - offset));
      long at = offset;
      while (b.hasRemaining()) {
        int n = channel.read(b, at);
        if (n < 0) break;
        at += n;
      }
      return b.position() == b.capacity() ? b.array() : java.util.Arrays.copyOf(b.array(), b.position());
    } catch (IOException e) {
      throw OmniGraphException.storage("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void truncate(long length) {
    try {
      channel.truncate(length);
      channel.force(false);
      synced = Math.min(synced, length);
    } catch (IOException e) {
      throw OmniGraphException.storage("cannot truncate " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw OmniGraphException.storage("cannot close " + path + ": " + e.getMessage(), e);
    }
  }
}
