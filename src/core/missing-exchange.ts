// The text of a note created for a missing exchange: the conversation tag and a footer that links its
// neighbours, so the new note takes the missing one's place in the thread instead of dropping out of it.
import { basenameOf, type FormatOptions } from "./note-record";
import type { Thread, ThreadEntry } from "./thread-model";

function yamlString(text: string): string {
	return JSON.stringify(text);
}

function neighbourName(entry: ThreadEntry | undefined): string | null {
	if (entry === undefined) return null;
	return entry.kind === "missing" ? entry.target : basenameOf(entry.path);
}

/** Markdown for the missing entry at `index` of `thread`; a plain title-only note if it is not a missing entry. */
export function missingExchangeText(thread: Thread, index: number, format: FormatOptions): string {
	const entry = thread.entries[index];
	const title = entry?.kind === "missing" ? entry.target : "";
	const lines = ["---", `title: ${yamlString(title)}`];
	if (!thread.id.startsWith("links:")) lines.push("tags:", `- ${yamlString(`${format.conversationPrefix}${thread.id}`)}`);
	lines.push("---", "", "");
	const preceding = neighbourName(thread.entries[index - 1]);
	const following = neighbourName(thread.entries[index + 1]);
	if (preceding === null && following === null) return lines.join("\n");
	lines.push("---", "");
	if (preceding !== null) lines.push(`${format.precedingLabel}: [[${preceding}]]`, "", "");
	if (following !== null) lines.push(`${format.followingLabel}: [[${following}]]`);
	return lines.join("\n").trimEnd() + "\n";
}
