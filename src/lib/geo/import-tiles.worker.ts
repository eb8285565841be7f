// Web Worker entry: clusters the imported points and makes the map's tiles of them.
import { IMPORTED_CLUSTERS } from './import-tiles';
import { ImportTileServer, type TileRequest } from './import-tiles-worker';

const server = new ImportTileServer(IMPORTED_CLUSTERS, (response, transfer = []) =>
	self.postMessage(response, { transfer })
);
self.onmessage = (event: MessageEvent<TileRequest>) => server.handle(event.data);
