// The scanner's default output: a short plain-text summary of a ScanReport.
import type { ScanReport, ScanThread } from "./scan-report";
import { compareText } from "../core/compare";

export interface SummaryOptions {
	/** The vault folder as given, for the heading. */
	vault: string;
	/** How many rows each list shows. */
	top?: number;
}

function plural(n: number, one: string, many = `${one}s`): string {
	return `${n} ${n === 1 ? one : many}`;
}

function shorten(text: string, max: number): string {
	return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Exchanges in a thread, as the panel counts them: its notes plus the missing ones. */
const exchanges = (t: ScanThread): number => t.notes.length + t.missing.length;

function threadLabel(report: ScanReport, thread: ScanThread): string {
	const first = thread.notes[0];
	const note = first === undefined ? undefined : report.notes.find((n) => n.path === first);
	const name = shorten(note?.title ?? first ?? thread.id, 80);
	const source = thread.sources.length > 0 ? ` [${thread.sources.join(", ")}]` : "";
	return `${name}${source}`;
}

export function renderHumanSummary(report: ScanReport, options: SummaryOptions): string {
	const top = options.top ?? 5;
	const { stats } = report;
	const lines: string[] = [];
	lines.push(`Vault: ${options.vault}`);
	lines.push(
		`${plural(stats.files, "file")}, ${plural(report.notes.length, "note")}, ` +
			`${plural(stats.conversationNotes, "conversation note")}, ${plural(stats.threads, "thread")}`,
	);
	lines.push(
		`${plural(stats.unresolvedTargets, "unresolved target")}, ${plural(stats.diagnostics, "diagnostic")}`,
	);

	const longest = [...report.threads]
		.filter((t) => t.notes.length > 0)
		.sort((a, b) => exchanges(b) - exchanges(a) || compareText(a.id, b.id))
		.slice(0, top);
	if (longest.length > 0) {
		lines.push("", "Longest threads:");
		for (const t of longest) {
			const missing = t.missing.length > 0 ? ` (${t.missing.length} missing)` : "";
			lines.push(`  ${String(exchanges(t)).padStart(4)}  ${threadLabel(report, t)}${missing}`);
		}
	}

	const selfLinked = new Set(
		report.notes.filter((n) => [...n.preceding, ...n.following].some((l) => l.path === n.path)).map((n) => n.path),
	);
	const selfLinks = (t: ScanThread): number => t.notes.filter((p) => selfLinked.has(p)).length;
	const broken = report.threads.filter((t) => t.missing.length > 0 || t.forks.length > 0 || t.cycles.length > 0);
	if (broken.length > 0) {
		lines.push("", `Broken chains (${broken.length}):`);
		for (const t of broken.slice(0, top)) {
			const why: string[] = [];
			if (t.missing.length > 0) why.push(`missing ${t.missing.map((m) => `[[${shorten(m, 60)}]]`).join(", ")}`);
			if (t.forks.length > 0) why.push(plural(t.forks.length, "fork"));
			if (t.cycles.length > 0) why.push(plural(t.cycles.length, "cycle"));
			lines.push(`  ${threadLabel(report, t)}: ${why.join("; ")}`);
		}
		if (broken.length > top) lines.push(`  ... and ${broken.length - top} more`);
	}
	if (selfLinked.size > 0) {
		lines.push(
			"",
			`${plural(selfLinked.size, "note links to itself", "notes link to themselves")} in a footer (merged same-title exchanges), ` +
				`in ${plural(report.threads.filter((t) => selfLinks(t) > 0).length, "thread")}.`,
		);
	}

	if (report.unresolved.length > 0) {
		lines.push("", "Top unresolved targets:");
		for (const u of report.unresolved.slice(0, top)) {
			lines.push(`  ${String(u.count).padStart(4)}  [[${shorten(u.target, 80)}]]`);
		}
	}

	const byCode = new Map<string, number>();
	for (const n of report.notes) for (const d of n.diagnostics) byCode.set(d.code, (byCode.get(d.code) ?? 0) + 1);
	if (byCode.size > 0) {
		lines.push("", `Diagnostics (${stats.diagnostics}):`);
		for (const [code, count] of [...byCode].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
			lines.push(`  ${String(count).padStart(4)}  ${code}`);
		}
	}
	return `${lines.join("\n")}\n`;
}
