// Renders the vault report as Markdown (the scanner's --report). Note text is escaped so that titles
// and paths print as written and can never open links, HTML or formatting in the report.
import type { VaultReport } from "./vault-report";

/** Escapes Markdown and HTML syntax in text that came from notes. */
export function markdownText(text: string): string {
	return text.replace(/[\\`*_[\]|<>~]/g, "\\$&").replace(/\n/g, " ");
}

/** Paths and ids print as code: nothing in them is read as Markdown, and they stay easy to copy. */
const code = (text: string): string => "`" + text.replace(/`/g, "'").replace(/\n/g, " ") + "`";

export function renderReportMarkdown(report: VaultReport): string {
	const out: string[] = [];
	const section = (title: string, lines: string[], empty: string) => {
		out.push("", `## ${title}`, "");
		if (lines.length === 0) out.push(empty);
		else out.push(...lines);
	};

	out.push("# Conversation threads report", "");
	out.push(`- Files: ${report.files}`);
	out.push(`- Conversation notes: ${report.conversationNotes}`);
	out.push(`- Threads: ${report.threads}`);
	out.push(`- Threads with broken chains: ${report.brokenThreads.length}`);
	out.push(`- Unresolved targets shown: ${report.topUnresolved.length}`);

	section(
		"Longest threads",
		report.longestThreads.map((t) => `1. ${code(t.id)}: ${t.length} exchanges${t.missingCount > 0 ? ` (${t.missingCount} missing)` : ""}${t.firstPath ? `, starts at ${code(t.firstPath)}` : ""}`),
		"No threads.",
	);

	const broken: string[] = [];
	for (const t of report.brokenThreads) {
		broken.push(`- ${code(t.id)}`);
		for (const m of t.missing) broken.push(`  - missing exchange: ${markdownText(m)}`);
		for (const f of t.forks) broken.push(`  - fork at ${code(f.path)}: ${f.targets.map(markdownText).join(" / ")}`);
		for (const c of t.cycles) broken.push(`  - cycle: ${c.map(code).join(" → ")}`);
		for (const s of t.selfLinks) broken.push(`  - links to itself: ${code(s)}`);
	}
	section("Broken chains", broken, "No missing exchanges, forks, cycles or self-links.");

	section(
		"Titles used in several conversations",
		report.duplicateTitles.map((d) => `- ${markdownText(d.title)}: ${d.conversations.length} conversations (${d.paths.map(code).join(", ")})`),
		"No title is shared across conversations.",
	);

	section(
		"Files holding several documents",
		report.multiDocumentFiles.map((f) => `- ${code(f.path)}: ${f.documents} documents`),
		"Every file holds one document.",
	);

	const diagnostics: string[] = [];
	for (const group of report.diagnosticsByCode) {
		diagnostics.push(`### ${group.code} (${group.items.length})`, "");
		for (const d of group.items) diagnostics.push(`- ${code(d.line > 0 ? `${d.path}:${d.line}` : d.path)}: ${markdownText(d.message)}`);
		diagnostics.push("");
	}
	section("Diagnostics", diagnostics, "No diagnostics.");

	section(
		"Most-linked unresolved targets",
		report.topUnresolved.map((u) => `1. ${markdownText(u.target)}: ${u.count} ${u.count === 1 ? "note" : "notes"}`),
		"Every link resolves.",
	);
	return out.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd() + "\n";
}
