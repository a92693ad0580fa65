package org.commonground.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.PendingJavaScriptResult;
import com.vaadin.flow.server.VaadinServletRequest;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * The browser's half of a passkey ceremony: asks Spring Security's WebAuthn endpoints for options, lets the browser
 * (and the member's device) make or use the passkey, and sends the result back. Each script resolves to an empty
 * text when it worked, and to what went wrong otherwise. The endpoints want the session's CSRF token in a header.
 */
final class PasskeyCeremony {

    private static final String HELPERS = """
            const [header, token] = [$0, $1];
            const encode = buffer => btoa(String.fromCharCode(...new Uint8Array(buffer)))
                .replace(/=/g, '').replace(/\\+/g, '-').replace(/\\//g, '_');
            const decode = text => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), c => c.charCodeAt(0)).buffer;
            const post = async (url, body) => {
                const response = await fetch(url, {method: 'POST', credentials: 'same-origin',
                    headers: {'Content-Type': 'application/json', [header]: token}, body: body ? JSON.stringify(body) : undefined});
                if (!response.ok) {
                    throw new Error('the server answered ' + response.status + ' to ' + url);
                }
                return response.json();
            };
            if (!window.PublicKeyCredential) {
                return 'This browser cannot use passkeys.';
            }
            """;

    private static final String REGISTER = HELPERS + """
            try {
                const options = await post('webauthn/register/options');
                options.user.id = decode(options.user.id);
                options.challenge = decode(options.challenge);
                options.excludeCredentials = (options.excludeCredentials || []).map(c => ({...c, id: decode(c.id)}));
                const made = await navigator.credentials.create({publicKey: options});
                const result = await post('webauthn/register', {publicKey: {label: $2, credential: {
                    id: made.id, rawId: encode(made.rawId), type: made.type,
                    response: {attestationObject: encode(made.response.attestationObject),
                        clientDataJSON: encode(made.response.clientDataJSON),
                        transports: made.response.getTransports ? made.response.getTransports() : []},
                    clientExtensionResults: made.getClientExtensionResults(),
                    authenticatorAttachment: made.authenticatorAttachment}}});
                return result && result.success ? '' : 'The server did not accept the passkey.';
            } catch (e) {
                return e.message || String(e);
            }
            """;

    private static final String SIGN_IN = HELPERS + """
            try {
                const options = await post('webauthn/authenticate/options');
                options.challenge = decode(options.challenge);
                options.allowCredentials = (options.allowCredentials || []).map(c => ({...c, id: decode(c.id)}));
                const used = await navigator.credentials.get({publicKey: options});
                const result = await post('login/webauthn', {
                    id: used.id, rawId: encode(used.rawId), credType: used.type,
                    response: {authenticatorData: encode(used.response.authenticatorData),
                        clientDataJSON: encode(used.response.clientDataJSON),
                        signature: encode(used.response.signature),
                        userHandle: used.response.userHandle ? encode(used.response.userHandle) : undefined},
                    clientExtensionResults: used.getClientExtensionResults(),
                    authenticatorAttachment: used.authenticatorAttachment});
                if (result && result.authenticated && result.redirectUrl) {
                    window.location.href = result.redirectUrl;
                    return '';
                }
                return 'The passkey was not accepted.';
            } catch (e) {
                return e.message || String(e);
            }
            """;

    private PasskeyCeremony() {
    }

    /** Makes a passkey, with this name, for the signed-in member. */
    static PendingJavaScriptResult register(UI ui, String label) {
        CsrfToken csrf = csrf();
        return ui.getPage().executeJs("return (async () => {" + REGISTER + "})()", csrf.getHeaderName(), csrf.getToken(), label);
    }

    /** Signs in with a passkey the device holds; on success the browser goes on to the page asked for. */
    static PendingJavaScriptResult signIn(UI ui) {
        CsrfToken csrf = csrf();
        return ui.getPage().executeJs("return (async () => {" + SIGN_IN + "})()", csrf.getHeaderName(), csrf.getToken());
    }

    private static CsrfToken csrf() {
        return (CsrfToken) VaadinServletRequest.getCurrent().getAttribute(CsrfToken.class.getName());
    }
}
