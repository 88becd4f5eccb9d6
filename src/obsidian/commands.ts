// The plugin's commands. Navigation and copy are offered only where they can act (checkCallback).
import type { Plugin } from "obsidian";
import type { PanelHost } from "./host";
import { landingPosition, threadPosition, type ThreadPosition } from "./thread-view-model";
import { copyText } from "./clipboard";

type Direction = "prev" | "next" | "first" | "last";

function currentPosition(host: PanelHost): { path: string; position: ThreadPosition } | null {
	const file = host.app.workspace.getActiveFile();
	if (!file) return null;
	const position = threadPosition(host.indexer.index, file.path, host.hint);
	return position ? { path: file.path, position } : null;
}

function navigate(host: PanelHost, direction: Direction, checking: boolean): boolean {
	const current = currentPosition(host);
	if (!current) return false;
	const { position } = current;
	const target = position[direction];
	if (target === null) return false;
	if (!checking) {
		const landing = landingPosition(position.thread, position.position, target, direction);
		void host.openPath(target, false, { threadId: position.thread.id, path: target, position: landing });
	}
	return true;
}

/** The conversation id to copy: the navigated thread's, else the note's first. */
function conversationId(host: PanelHost): string | null {
	const file = host.app.workspace.getActiveFile();
	if (!file) return null;
	const record = host.indexer.index.note(file.path);
	if (!record) return null;
	const threadId = threadPosition(host.indexer.index, file.path, host.hint)?.thread.id;
	if (threadId !== undefined && record.conversationIds.includes(threadId)) return threadId;
	return record.conversationIds[0] ?? null;
}

export function registerCommands(plugin: Plugin, host: PanelHost): void {
	plugin.addCommand({
		id: "open-thread-panel",
		name: "Open thread panel",
		callback: () => void host.activateView(),
	});
	const moves: [Direction, string, string][] = [
		["prev", "previous-exchange", "Go to previous exchange"],
		["next", "next-exchange", "Go to next exchange"],
		["first", "first-exchange", "Go to first exchange"],
		["last", "last-exchange", "Go to last exchange"],
	];
	for (const [direction, id, name] of moves) {
		plugin.addCommand({ id, name, checkCallback: (checking) => navigate(host, direction, checking) });
	}
	plugin.addCommand({
		id: "copy-conversation-id",
		name: "Copy conversation ID",
		checkCallback: (checking) => {
			const id = conversationId(host);
			if (id === null) return false;
			if (!checking) void copyText(id);
			return true;
		},
	});
	plugin.addCommand({
		id: "rebuild-index",
		name: "Rebuild index",
		callback: () => host.indexer.rebuild(),
	});
}
