// The example handbook's content collections, wired exactly as a team's handbook wires them.
export { collections } from 'handbook/collections';
