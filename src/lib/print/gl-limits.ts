// The largest canvas this browser's WebGL can render, read once from a throw-away context.
import { CANVAS_LIMITS, type RenderLimits } from './limits';

let cached: RenderLimits | null = null;

/**
 * min(MAX_RENDERBUFFER_SIZE, MAX_TEXTURE_SIZE, MAX_VIEWPORT_DIMS) of a WebGL2 context (WebGL1 if
 * that is all there is), with the 2D-canvas limits beside it. The context is released at once:
 * browsers keep only a few alive and would otherwise drop the live map's.
 */
export function renderLimits(): RenderLimits {
	if (cached) return cached;
	const canvas = document.createElement('canvas');
	const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
	if (!gl) throw new Error('This browser did not provide WebGL, which the map export needs.');
	const viewport = gl.getParameter(gl.MAX_VIEWPORT_DIMS) as Int32Array;
	const maxMapSidePx = Math.min(
		gl.getParameter(gl.MAX_RENDERBUFFER_SIZE) as number,
		gl.getParameter(gl.MAX_TEXTURE_SIZE) as number,
		viewport[0]!,
		viewport[1]!
	);
	gl.getExtension('WEBGL_lose_context')?.loseContext();
	cached = { maxMapSidePx, ...CANVAS_LIMITS };
	return cached;
}
