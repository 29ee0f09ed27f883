package dev.metanode.core.store;

class MemoryKvStoreTest extends KvStoreContract {
    @Override
    KvStore store() {
        return new MemoryKvStore();
    }
}
