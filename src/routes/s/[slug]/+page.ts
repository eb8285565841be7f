// `/s/<slug>/`: one page per scenario pack, each prerendered for static hosting.
import { error } from '@sveltejs/kit';
import { packBySlug, packs } from '$lib/packs';
import type { EntryGenerator, PageLoad } from './$types';

export const entries: EntryGenerator = () => packs.map((p) => ({ slug: p.meta.slug }));

export const load: PageLoad = ({ params }) => {
	if (!packBySlug(params.slug)) error(404, `No scenario pack "${params.slug}" in this build.`);
	return { slug: params.slug };
};

// /s/<slug>/ is written as s/<slug>/index.html, which every static host serves.
export const trailingSlash = 'always';
