// The vault-wide thread report: what is broken, what is duplicated, and which concepts are linked but
// never written. Pure data built from the index; the panel view and the scanner's --report render it.
import type { Diagnostic, DiagnosticCode } from "./note-record";
import { documentsOf } from "./indexed-note";
import { isConversationNote } from "./note-record";
import type { ThreadIndexReader, VaultUnresolved } from "./thread-model";
import { compareText } from "./compare";

export interface ReportThread {
	id: string;
	sources: string[];
	/** Entries in the thread, missing ones included. */
	length: number;
	/** Of those, exchanges that resolve to no file. */
	missingCount: number;
	/** The path of the first note, to open the thread. */
	firstPath: string | null;
}

export interface BrokenThread extends ReportThread {
	missing: string[];
	forks: { path: string; targets: string[] }[];
	cycles: string[][];
	selfLinks: string[];
}

export interface DuplicateTitle {
	title: string;
	/** Distinct conversations that wrote a note with this title. */
	conversations: string[];
	paths: string[];
}

export interface ReportDiagnostic extends Diagnostic {
	path: string;
}

export interface VaultReport {
	files: number;
	conversationNotes: number;
	threads: number;
	longestThreads: ReportThread[];
	brokenThreads: BrokenThread[];
	duplicateTitles: DuplicateTitle[];
	multiDocumentFiles: { path: string; documents: number }[];
	diagnosticsByCode: { code: DiagnosticCode; items: ReportDiagnostic[] }[];
	topUnresolved: VaultUnresolved[];
}

export interface ReportLimits {
	longestThreads: number;
	unresolved: number;
}

const DEFAULT_LIMITS: ReportLimits = { longestThreads: 10, unresolved: 25 };

export function buildVaultReport(index: ThreadIndexReader, limits: ReportLimits = DEFAULT_LIMITS): VaultReport {
	let conversationNotes = 0;
	const byTitle = new Map<string, { title: string; conversations: Set<string>; paths: string[] }>();
	const multiDocumentFiles: VaultReport["multiDocumentFiles"] = [];
	const diagnostics = new Map<DiagnosticCode, ReportDiagnostic[]>();

	for (const note of index.notes()) {
		if (isConversationNote(note)) conversationNotes++;
		const documents = documentsOf(note);
		if (documents.length > 1) multiDocumentFiles.push({ path: note.path, documents: documents.length });
		for (const d of note.diagnostics) {
			const list = diagnostics.get(d.code) ?? [];
			list.push({ ...d, path: note.path });
			diagnostics.set(d.code, list);
		}
		for (const doc of documents) {
			if (doc.title === null || doc.conversationIds.length === 0) continue;
			const key = doc.title.trim().toLowerCase();
			const entry = byTitle.get(key) ?? { title: doc.title.trim(), conversations: new Set<string>(), paths: [] };
			for (const id of doc.conversationIds) entry.conversations.add(id);
			if (!entry.paths.includes(note.path)) entry.paths.push(note.path);
			byTitle.set(key, entry);
		}
	}

	const threads = index.threads();
	const summary = (t: (typeof threads)[number]): ReportThread => {
		const first = t.entries.find((e) => e.kind === "note");
		const missingCount = t.entries.filter((e) => e.kind === "missing").length;
		return { id: t.id, sources: t.sources, length: t.entries.length, missingCount, firstPath: first?.kind === "note" ? first.path : null };
	};
	const longestThreads = threads
		.map(summary)
		.sort((a, b) => b.length - a.length || compareText(a.id, b.id))
		.slice(0, limits.longestThreads);
	const brokenThreads = threads
		.filter((t) => t.missing.length > 0 || t.forks.length > 0 || t.cycles.length > 0 || t.selfLinks.length > 0)
		.map((t) => ({ ...summary(t), missing: t.missing, forks: t.forks, cycles: t.cycles, selfLinks: t.selfLinks }))
		.sort((a, b) => compareText(a.id, b.id));

	return {
		files: index.size,
		conversationNotes,
		threads: threads.length,
		longestThreads,
		brokenThreads,
		duplicateTitles: [...byTitle.values()]
			.filter((e) => e.conversations.size > 1)
			.map((e) => ({ title: e.title, conversations: [...e.conversations].sort(), paths: e.paths.sort() }))
			.sort((a, b) => compareText(a.title, b.title)),
		multiDocumentFiles: multiDocumentFiles.sort((a, b) => compareText(a.path, b.path)),
		diagnosticsByCode: [...diagnostics.entries()]
			.map(([code, items]) => ({ code, items: items.sort((a, b) => compareText(a.path, b.path) || a.line - b.line) }))
			.sort((a, b) => b.items.length - a.items.length || compareText(a.code, b.code)),
		topUnresolved: index.unresolvedInVault().slice(0, limits.unresolved),
	};
}
