// A complete IndexedDB in memory for Node; each test opens its own uniquely named database.
import 'fake-indexeddb/auto';
