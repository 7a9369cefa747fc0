package io.swarmplay.connection.ssh;

import com.hierynomus.sshj.transport.cipher.BlockCiphers;
import com.hierynomus.sshj.transport.cipher.ChachaPolyCiphers;
import com.hierynomus.sshj.transport.cipher.GcmCiphers;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.common.SecurityUtils;
import net.schmizz.sshj.transport.cipher.Cipher;

import java.security.Provider;
import java.security.Security;
import java.util.List;

/**
 * sshj's configuration as swarmplay uses it: the JDK's own crypto providers, and a fixed cipher list.
 *
 * <p>sshj's {@link DefaultConfig} registers the whole BouncyCastle provider (its constructor maps
 * every algorithm BouncyCastle has: about a thousand classes loaded) and then probes 33 ciphers by
 * making and initialising each one, on every connection: most of the set-up CPU of a short run
 * (bench/results.md). Here sshj asks the JDK's providers (AES, X25519, Ed25519, ECDH, SHA-2 with
 * the CPU's instructions), and the only algorithms the JDK lacks, ChaCha20 and Poly1305 for
 * {@code chacha20-poly1305@openssh.com}, come from BouncyCastle classes through a two-entry provider
 * that loads them only when that cipher is negotiated.
 *
 * <p>The ciphers offered, in order ({@link #CIPHERS}): OpenSSH's default set (AES-GCM first: one
 * pass, no separate MAC) and, for old servers, AES-CBC and 3DES-CBC. Every entry can be made on
 * any Java 17 with this jar (a unit test makes each), so nothing is probed at run time.
 */
final class SshConfig extends DefaultConfig {

    /** The ciphers offered to the server, most preferred first (the server takes the first it has). */
    static final List<Factory.Named<Cipher>> CIPHERS = List.of(
            GcmCiphers.AES128GCM(), GcmCiphers.AES256GCM(),
            BlockCiphers.AES128CTR(), BlockCiphers.AES192CTR(), BlockCiphers.AES256CTR(),
            ChachaPolyCiphers.CHACHA_POLY_OPENSSH(),
            BlockCiphers.AES128CBC(), BlockCiphers.AES192CBC(), BlockCiphers.AES256CBC(),
            BlockCiphers.TripleDESCBC());

    static {
        useJdkProviders();
    }

    @Override
    protected void initCipherFactories() {
        setCipherFactories(CIPHERS);
    }

    /**
     * Tells sshj not to register BouncyCastle (it then asks {@code getInstance(name)} of the
     * installed providers) and installs {@link ChaChaPoly} after the JDK's providers. Idempotent.
     */
    static synchronized void useJdkProviders() {
        SecurityUtils.setRegisterBouncyCastle(false);
        SecurityUtils.setSecurityProvider(null);
        if (Security.getProvider(ChaChaPoly.NAME) == null) Security.addProvider(new ChaChaPoly());
    }

    /** ChaCha20 (the original, 64-bit nonce) and Poly1305 as sshj names them, from BouncyCastle's classes. */
    static final class ChaChaPoly extends Provider {
        static final String NAME = "swarmplay-chacha-poly";

        ChaChaPoly() {
            super(NAME, "1", "ChaCha20 and Poly1305 for the chacha20-poly1305@openssh.com SSH cipher");
            putService(new Service(this, "Cipher", "CHACHA",
                    "org.bouncycastle.jcajce.provider.symmetric.ChaCha$Base", null, null));
            putService(new Service(this, "Mac", "POLY1305",
                    "org.bouncycastle.jcajce.provider.symmetric.Poly1305$Mac", null, null));
        }
    }
}
