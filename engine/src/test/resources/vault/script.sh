#!/bin/sh
echo test-vault-password
