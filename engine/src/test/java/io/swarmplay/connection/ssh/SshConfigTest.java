package io.swarmplay.connection.ssh;

import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.common.SecurityUtils;
import net.schmizz.sshj.transport.cipher.Cipher;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The fixed algorithm lists replace sshj's run-time probing: every entry must work on this JVM. */
class SshConfigTest {

    @Test
    void everyOfferedCipherCanBeMadeAndEncryptsAndDecrypts() {
        for (Factory.Named<Cipher> factory : new SshConfig().getCipherFactories()) {
            byte[] plain = new byte[64];
            Arrays.fill(plain, (byte) 7);
            byte[] data = plain.clone();
            Cipher encrypt = keyed(factory, Cipher.Mode.Encrypt);
            Cipher decrypt = keyed(factory, Cipher.Mode.Decrypt);
            int aad = encrypt.getAuthenticationTagSize() > 0 ? 4 : 0;
            byte[] packet = Arrays.copyOf(data, data.length + encrypt.getAuthenticationTagSize());
            if (aad > 0) {
                encrypt.updateAAD(packet, 0, aad);
                encrypt.update(packet, aad, data.length - aad);
                decrypt.updateAAD(packet, 0, aad);
                decrypt.update(packet, aad, data.length - aad);
            } else {
                encrypt.update(packet, 0, data.length);
                assertFalse(Arrays.equals(Arrays.copyOf(packet, data.length), plain), factory.getName() + " did not encrypt");
                decrypt.update(packet, 0, data.length);
            }
            assertArrayEquals(plain, Arrays.copyOf(packet, data.length), factory.getName() + " round trip");
        }
    }

    private static Cipher keyed(Factory.Named<Cipher> factory, Cipher.Mode mode) {
        Cipher c = factory.create();
        byte[] key = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        c.init(mode, Arrays.copyOf(key, c.getBlockSize() > 0 ? Math.max(c.getBlockSize(), 64) : 64),
                new byte[Math.max(c.getIVSize(), 16)]);
        return c;
    }

    @Test
    void offersAesGcmFirstAndChaChaAmongTheOpenSshDefaults() {
        List<String> names = new SshConfig().getCipherFactories().stream().map(Factory.Named::getName).toList();
        assertEquals("aes128-gcm@openssh.com", names.get(0));
        assertEquals(List.of("aes128-gcm@openssh.com", "aes256-gcm@openssh.com", "aes128-ctr", "aes192-ctr",
                "aes256-ctr", "chacha20-poly1305@openssh.com"), names.subList(0, 6));
    }

    @Test
    void sshjUsesTheJdkProvidersNotBouncyCastle() throws Exception {
        new SshConfig();
        assertNull(SecurityUtils.getSecurityProvider());
        assertEquals("SunJCE", SecurityUtils.getCipher("AES/GCM/NoPadding").getProvider().getName());
        assertEquals("SunEC", SecurityUtils.getKeyAgreement("X25519").getProvider().getName());
        assertEquals("SunEC", SecurityUtils.getSignature("Ed25519").getProvider().getName());
        assertEquals(SshConfig.ChaChaPoly.NAME, SecurityUtils.getCipher("CHACHA").getProvider().getName());
        assertEquals(SshConfig.ChaChaPoly.NAME, SecurityUtils.getMAC("POLY1305").getProvider().getName());
    }

    @Test
    void ecdsaKeysAreReadWithTheJdksEcKeyFactory() throws Exception {
        new SshConfig();
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        java.security.interfaces.ECPublicKey key = (java.security.interfaces.ECPublicKey) generator.generateKeyPair().getPublic();
        java.security.PublicKey read = net.schmizz.sshj.common.ECDSAKeyFactory.getPublicKey(key.getW(),
                net.schmizz.sshj.common.ECDSACurve.SECP256R1);
        assertEquals(key, read);
    }
}
