// Access to /api/v1: JSON over fetch, errors as ApiError, and what to tell the reader about them.

export class ApiError extends Error {
    constructor(kind, status = 0, code = null, detail = null) {
        super(detail ?? kind);
        Object.assign(this, { kind, status, code, detail });
    }
}

export async function getJSON(url, signal) {
    let response;
    try {
        response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
    } catch (err) {
        if (err.name === 'AbortError') throw err;
        throw new ApiError('network', 0, null, err.message);
    }
    let body = null;
    try {
        body = await response.json();
    } catch (err) {
        if (err.name === 'AbortError') throw err;
    }
    if (!response.ok) {
        const e = body && typeof body === 'object' ? body.error : null;
        throw new ApiError('http', response.status, e?.code ?? null, e?.message ?? null);
    }
    if (!body || typeof body !== 'object') throw new ApiError('format', response.status);
    return body;
}

/** A French title, hint and retry flag for an ApiError. `what` is 'search' or 'dispatch'. */
export function describeError(err, what) {
    const { kind, status, code, detail } = err;
    if (kind === 'network') {
        return { title: 'Impossible de joindre le serveur.',
            hint: 'Vérifiez votre connexion, puis réessayez.', retry: true };
    }
    if (kind === 'format') {
        return { title: 'Le serveur a renvoyé une réponse illisible.', hint: 'Réessayez dans un moment.',
            retry: true };
    }
    const tooLong = code === 'query_too_long' || status === 413 || status === 414
        || /too long|trop long/i.test(detail ?? '');
    if (what === 'dispatch' && status === 404) {
        return { title: 'Cette dépêche est introuvable.',
            hint: 'Elle a peut-être été retirée de l’index, ou le lien est incomplet.' };
    }
    if (tooLong) {
        return { title: 'La recherche est trop longue.',
            hint: 'Raccourcissez-la à quelques mots et relancez-la.' };
    }
    if (status === 429) {
        return { title: 'Trop de recherches en peu de temps.', hint: 'Patientez un instant, puis réessayez.',
            retry: true };
    }
    if (status >= 400 && status < 500) {
        return { title: 'La recherche n’a pas pu être comprise.',
            hint: 'Vérifiez les guillemets et les opérateurs, ou reformulez la recherche.' };
    }
    if (status === 503) {
        return { title: 'Le service est momentanément indisponible.', hint: 'Réessayez dans un moment.',
            retry: true };
    }
    return { title: `Le serveur a rencontré une erreur (${status}).`, hint: 'Réessayez dans un moment.',
        retry: true };
}
