package dev.metanode.consensus.sim;

/** How a simulated validator behaves on the wire. The Byzantine ones run honest code behind a lying network card. */
enum Behaviour {
    HONEST,
    /** Sends nothing at all. */
    SILENT,
    /** Sends its real messages, plus conflicting signed prepares, commits and round changes to some peers. */
    EQUIVOCATING,
    /** Sends its real messages to some peers and random or bit-flipped bytes to others. */
    GARBAGE
}
