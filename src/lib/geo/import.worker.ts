// Web Worker entry: parses and measures imported files off the main thread.
import { ImportEngine, type ImportRequest } from './import-worker';

const engine = new ImportEngine((response, transfer = []) =>
	self.postMessage(response, { transfer })
);
self.onmessage = (event: MessageEvent<ImportRequest>) => void engine.handle(event.data);
