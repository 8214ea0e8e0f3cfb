// The records, people and teams of the handbook, read and validated by handbook itself.
export { collections } from 'handbook/collections';
