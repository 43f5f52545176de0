"""The official-channel check: is this address, number, account or link really ours?"""
