// Web Worker entry: runs the expensive Turf work (estimates, buffer bands) off the main thread.
import { AnalysisEngine, type WorkerRequest } from './analysis-worker';

const engine = new AnalysisEngine();
self.onmessage = (event: MessageEvent<WorkerRequest>) => {
	self.postMessage(engine.handle(event.data));
};
