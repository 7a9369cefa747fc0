package io.swarmplay.connection.ssh;

import com.hierynomus.sshj.transport.cipher.BlockCiphers;
import com.hierynomus.sshj.transport.cipher.ChachaPolyCiphers;
import com.hierynomus.sshj.transport.cipher.GcmCiphers;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.common.SecurityUtils;
import net.schmizz.sshj.transport.cipher.Cipher;

import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyFactorySpi;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.KeySpec;
import java.util.List;

/**
 * sshj's configuration as swarmplay uses it: the JDK's own crypto providers, and a fixed cipher list.
 *
 * <p>sshj's {@link DefaultConfig} registers the whole BouncyCastle provider (its constructor maps
 * every algorithm BouncyCastle has: about a thousand classes loaded) and then probes 33 ciphers by
 * making and initialising each one, on every connection: most of the set-up CPU of a short run
 * (bench/results.md). Here sshj asks the JDK's providers (AES, X25519, Ed25519, ECDH, SHA-2 with
 * the CPU's instructions), and the only algorithms the JDK lacks, ChaCha20 and Poly1305 for
 * {@code chacha20-poly1305@openssh.com}, come from BouncyCastle classes through a small provider
 * that loads them only when that cipher is negotiated (it also gives the JDK's EC key factory the
 * name {@code ECDSA} that sshj asks for).
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

    /**
     * The algorithms sshj asks for by BouncyCastle's names: ChaCha20 (the original, 64-bit nonce) and
     * Poly1305 from BouncyCastle's classes, and the {@code ECDSA} key factory (ECDSA host and user keys)
     * as the JDK's {@code EC} one.
     */
    static final class ChaChaPoly extends Provider {
        static final String NAME = "swarmplay-ssh";

        ChaChaPoly() {
            super(NAME, "1", "ChaCha20, Poly1305 and the ECDSA key factory under sshj's names");
            putService(new Service(this, "Cipher", "CHACHA",
                    "org.bouncycastle.jcajce.provider.symmetric.ChaCha$Base", null, null));
            putService(new Service(this, "Mac", "POLY1305",
                    "org.bouncycastle.jcajce.provider.symmetric.Poly1305$Mac", null, null));
            putService(new Service(this, "KeyFactory", "ECDSA", EcdsaKeyFactory.class.getName(), null, null));
        }
    }

    /** The JDK's {@code EC} key factory under the name {@code ECDSA}. */
    public static final class EcdsaKeyFactory extends KeyFactorySpi {
        private final KeyFactory ec;

        public EcdsaKeyFactory() throws NoSuchAlgorithmException {
            ec = KeyFactory.getInstance("EC");
        }

        @Override
        protected PublicKey engineGeneratePublic(KeySpec spec) throws InvalidKeySpecException {
            return ec.generatePublic(spec);
        }

        @Override
        protected PrivateKey engineGeneratePrivate(KeySpec spec) throws InvalidKeySpecException {
            return ec.generatePrivate(spec);
        }

        @Override
        protected <T extends KeySpec> T engineGetKeySpec(Key key, Class<T> type) throws InvalidKeySpecException {
            return ec.getKeySpec(key, type);
        }

        @Override
        protected Key engineTranslateKey(Key key) throws InvalidKeyException {
            return ec.translateKey(key);
        }
    }
}
