import type { Category } from './category';

/** The categories a fresh install starts with, in this order. Ids are stable so tests and migrations can name them. */
export const DEFAULT_CATEGORIES: readonly Category[] = [
  { id: 'notable-articles', label: '👀 Notable Articles', order: 0 },
  { id: 'tools', label: '🛠️ Tools, Frameworks, Libraries', order: 1 },
  { id: 'release-notes', label: '✨ Release Notes', order: 2 },
  { id: 'events', label: '🤝 Events', order: 3 },
  { id: 'books', label: '📘 Books', order: 4 },
];
