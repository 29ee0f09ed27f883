package dev.metanode.core.net;

/**
 * A registered message type: its wire id, a name for logs and stats, and the payload versions this
 * node understands. Messages of other versions are dropped, not fatal, so nodes can be upgraded one
 * at a time.
 */
public record MessageType(int id, String name, int versionMin, int versionMax) {
    public MessageType {
        if (id < 0 || id > Message.TYPE_ID_MAX) {
            throw new IllegalArgumentException("type id out of range: " + id);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a message type needs a name");
        }
        if (versionMin < 0 || versionMax > Message.VERSION_MAX || versionMin > versionMax) {
            throw new IllegalArgumentException("bad version range " + versionMin + ".." + versionMax);
        }
    }

    public boolean accepts(int version) {
        return version >= versionMin && version <= versionMax;
    }

    /** A message of this type at its newest version. */
    public Message message(byte[] payload) {
        return new Message(id, versionMax, payload);
    }
}
