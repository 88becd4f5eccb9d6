// The shapes the thread index hands to its readers (the panel, the commands, the report, the scanner).
import type { IndexedNote } from "./indexed-note";

/** One place in a thread's order: a note, or a footer target that resolves to no file. */
export type ThreadEntry =
	| {
			kind: "note";
			path: string;
			/** This note's part has two or more different `following` targets. */
			fork: boolean;
			/** The chain came back to this note's part: a cycle closes here. */
			cycle: boolean;
			/** One of the note's footer links points to the note itself. */
			selfLink: boolean;
	  }
	| {
			kind: "missing";
			/** The footer target as written (repaired if nested), lower-cased. */
			target: string;
	  };

export interface ThreadFork {
	/** The note whose part forks. */
	path: string;
	/** The distinct following targets, as written, lower-cased. */
	targets: string[];
}

export interface Thread {
	/** The conversation id, or `links:<path of first note>` for a thread made from footer links only. */
	id: string;
	sources: string[];
	entries: ThreadEntry[];
	/** Distinct missing targets, in thread order. */
	missing: string[];
	forks: ThreadFork[];
	/** Each cycle as the paths on it, in chain order. */
	cycles: string[][];
	/** Notes with a footer link to themselves. */
	selfLinks: string[];
}

export interface UnresolvedCount {
	/** Lower-cased target. */
	target: string;
	/** Occurrences (per note / per thread) or linking notes (vault-wide). */
	count: number;
}

export interface VaultUnresolved extends UnresolvedCount {
	/** The notes that link to it, sorted. */
	notes: string[];
}

/** What every consumer reads. The index bumps `revision` on every change that alters anything. */
export interface ThreadIndexReader {
	readonly revision: number;
	note(path: string): IndexedNote | undefined;
	notes(): IterableIterator<IndexedNote>;
	readonly size: number;
	/** The path a link target resolves to from the given note, or null. */
	resolve(target: string, fromPath: string): string | null;
	/** The threads a note belongs to (a file holding appended documents of two conversations is in both). */
	threadsOf(path: string): Thread[];
	thread(id: string): Thread | undefined;
	/** Every thread, sorted by id. */
	threads(): Thread[];
	unresolvedForNote(path: string): UnresolvedCount[];
	unresolvedForThread(id: string): UnresolvedCount[];
	/** Ranked by the number of notes linking to each target, then by target. */
	unresolvedInVault(): VaultUnresolved[];
}
